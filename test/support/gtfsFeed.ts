/**
 * A small hand-made GTFS feed whose import is worked out by hand in the tests:
 *
 *   metro M:  A ── B ── C ── E     (A, B, E parent stations with platforms; C a stop without parent)
 *   rail  R:       B ────────── D  (B's rail platform B2: B becomes one station per layer, in one hub)
 *   bus   X:            C ───── D  (not carried)
 *
 * Weekday service 2024; 2024-01-02 (a Tuesday) is a holiday, so the representative day is Wednesday
 * 2024-01-03. transfers.txt: 240 s between B's platforms, 600 s from C to D (a hub), A → A not possible.
 */
export function smallFeed(): Record<string, string> {
  return {
    'agency.txt':
      'agency_id,agency_name,agency_url,agency_timezone,agency_lang\nT,Test Transit,https://example.org,Asia/Shanghai,en\n',
    'routes.txt': [
      'route_id,agency_id,route_short_name,route_long_name,route_type,route_color',
      'M,T,M,Metro M,1,ff0000',
      'R,T,R,Rail R,2,',
      'X,T,X,Bus X,3,',
    ].join('\n'),
    'calendar.txt': [
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
      'WK,1,1,1,1,1,0,0,20240101,20241231',
      'SA,0,0,0,0,0,1,0,20240101,20241231',
    ].join('\n'),
    'calendar_dates.txt': 'service_id,date,exception_type\nWK,20240102,2\n',
    'stops.txt': [
      'stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station',
      'A,Alpha,39.90,116.30,1,',
      'A1,Alpha metro,39.90,116.30,0,A',
      'B,Beta,39.90,116.32,1,',
      'B1,Beta metro,39.90,116.32,0,B',
      'B2,Beta rail,39.9001,116.3201,0,B',
      'C,Gamma,39.90,116.34,,',
      'D,Delta,39.90,116.40,0,',
      'E,Epsilon,39.90,116.36,1,',
      'E1,Epsilon metro,39.90,116.36,0,E',
      'Bx,Beta exit A,39.9002,116.3202,2,B',
    ].join('\n'),
    'trips.txt': [
      'route_id,service_id,trip_id,trip_headsign,direction_id',
      'M,WK,M1,Epsilon,0',
      'M,WK,M2,Epsilon,0',
      'M,WK,M3,Epsilon,0',
      'M,WK,M4,Epsilon,0',
      'M,WK,M5,Alpha,1',
      'M,SA,M6,Epsilon,0',
      'R,WK,R1,Delta,0',
      'X,WK,X1,Delta,0',
    ].join('\n'),
    'stop_times.txt': [
      'trip_id,arrival_time,departure_time,stop_id,stop_sequence',
      'M1,07:00:00,07:00:00,A1,1',
      'M1,07:02:00,07:02:30,B1,2',
      'M1,07:05:00,07:05:30,C,3',
      'M1,07:08:00,07:08:00,E1,4',
      'M2,07:10:00,07:10:00,A1,1',
      'M2,07:12:30,07:13:00,B1,2',
      'M2,07:16:00,07:16:30,C,3',
      'M2,07:19:00,07:19:00,E1,4',
      'M3,07:20:00,07:20:00,A1,1',
      'M3,07:22:00,07:22:30,B1,2',
      'M3,07:25:00,07:25:30,C,3',
      'M3,07:28:00,07:28:00,E1,4',
      'M4,10:00:00,10:00:00,A1,1',
      'M4,10:02:00,10:02:30,B1,2',
      'M4,10:05:00,10:05:30,C,3',
      'M4,10:08:00,10:08:00,E1,4',
      'M5,07:30:00,07:30:00,E1,1',
      'M5,07:33:00,07:33:20,C,2',
      'M5,07:36:00,07:36:20,B1,3',
      'M5,07:39:00,07:39:00,A1,4',
      'M6,08:00:00,08:00:00,A1,1',
      'M6,08:10:00,08:10:00,E1,2',
      'R1,07:15:00,07:15:00,B2,1',
      'R1,07:30:00,07:30:00,D,2',
      'X1,07:00:00,07:00:00,C,1',
      'X1,07:20:00,07:20:00,D,2',
    ].join('\n'),
    'transfers.txt': [
      'from_stop_id,to_stop_id,transfer_type,min_transfer_time',
      'B1,B2,2,240',
      'C,D,2,600',
      'A,A,3,',
    ].join('\n'),
  };
}

/** The feed with one file's line `line` (1-based, header = 1) replaced. */
export function withLine(
  feed: Record<string, string>,
  file: string,
  line: number,
  text: string,
): Record<string, string> {
  const lines = feed[file]!.split('\n');
  lines[line - 1] = text;
  return { ...feed, [file]: lines.join('\n') };
}
