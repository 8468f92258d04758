import * as maplibregl from 'maplibre-gl';
// MapLibre finds its worker next to its own module; in a bundle that file is not there, so point it at
// the worker file Vite copies as an asset (the same in dev and in the build).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);
