import { useCallback, useEffect, useRef, useState } from 'react';
import type { LatLon } from '../../domain/geo.ts';

export type GeolocationState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'located'; point: LatLon }
  | { status: 'error'; message: string };

const PERMISSION_DENIED = 1;
const POSITION_UNAVAILABLE = 2;

/** Messages a person can act on. */
export const GEOLOCATION_MESSAGES = {
  unsupported: 'This browser cannot share your location. Choose a place from the list instead.',
  denied:
    'Location permission was denied, so we cannot find sites near you automatically. You can allow location for this site in your browser settings, or choose a place from the list instead.',
  unavailable:
    'Your location could not be found right now. Try again, or choose a place from the list instead.',
  timeout:
    'Finding your location took too long. Try again, or choose a place from the list instead.',
} as const;

/**
 * Asks the browser for the person's position once, only when `request` is called (a button press).
 * `onLocated` is called with the position when it arrives.
 */
export function useGeolocation(
  onLocated?: (point: LatLon) => void,
): [GeolocationState, () => void, () => void] {
  const [state, setState] = useState<GeolocationState>({ status: 'idle' });
  const onLocatedRef = useRef(onLocated);
  useEffect(() => {
    onLocatedRef.current = onLocated;
  });

  const request = useCallback(() => {
    const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
    if (!geo) {
      setState({ status: 'error', message: GEOLOCATION_MESSAGES.unsupported });
      return;
    }
    setState({ status: 'locating' });
    geo.getCurrentPosition(
      (position) => {
        const point = { lat: position.coords.latitude, lon: position.coords.longitude };
        setState({ status: 'located', point });
        onLocatedRef.current?.(point);
      },
      (error) => {
        const message =
          error.code === PERMISSION_DENIED
            ? GEOLOCATION_MESSAGES.denied
            : error.code === POSITION_UNAVAILABLE
              ? GEOLOCATION_MESSAGES.unavailable
              : GEOLOCATION_MESSAGES.timeout;
        setState({ status: 'error', message });
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return [state, request, reset];
}
