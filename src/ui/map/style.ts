import type { StyleSpecification } from 'maplibre-gl';

/**
 * The map works offline: with no basemap it is a plain background with our layers on it. A basemap is an
 * optional style URL from the settings; our layers are added on top of whatever it draws.
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    // Colours switch at once: a planner compares states, and a transition only delays the picture.
    transition: { duration: 0, delay: 0 },
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } }],
  };
}
