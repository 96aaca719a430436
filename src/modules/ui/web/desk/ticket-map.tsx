import { circleMarker, map as leafletMap, tileLayer, type Map as LeafletMap } from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import { uiConfig } from './config';

/**
 * Where the citizen said it is: a Leaflet map of the ticket's coordinates (tiles from the configured
 * URL) with the address beside it. A circle marker, so no marker images are needed.
 */
export function TicketMap({
  latitude,
  longitude,
  address,
  mahalle,
}: {
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  mahalle?: string | null;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const located = latitude !== null && longitude !== null && Number.isFinite(Number(latitude)) && Number.isFinite(Number(longitude));
  useEffect(() => {
    if (!located || !box.current) return undefined;
    let map: LeafletMap | null = null;
    let gone = false;
    uiConfig().then(
      (config) => {
        if (gone || !box.current) return;
        const at: [number, number] = [Number(latitude), Number(longitude)];
        map = leafletMap(box.current, { zoomControl: true, attributionControl: true, keyboard: true }).setView(at, 16);
        tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
        circleMarker(at, { radius: 9, color: '#b3261e', weight: 3, fillOpacity: 0.4 })
          .addTo(map)
          .bindTooltip(address ?? 'Başvurunun konumu');
      },
      (e: Error) => !gone && setError(e.message),
    );
    return () => {
      gone = true;
      map?.remove();
    };
  }, [latitude, longitude, located]);
  if (!located && !address) return null;
  return (
    <section class="card place" aria-labelledby="place-heading">
      <h2 id="place-heading">Konum</h2>
      <p class="place-address">
        {address ?? 'Adres yok'}
        {mahalle ? ` · ${mahalle}` : ''}
        {located ? ` (${Number(latitude).toFixed(5)}, ${Number(longitude).toFixed(5)})` : ''}
      </p>
      {located ? <div ref={box} class="ticket-map" id="ticket-map" role="region" aria-label="Başvurunun haritadaki konumu" /> : <p>Koordinat verilmemiş.</p>}
      {error ? <p class="error">{error}</p> : null}
    </section>
  );
}
