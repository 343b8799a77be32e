import type {
  BookingPageInput,
  ConnectionInput,
  ConnectionStatus,
  LocationInput,
  LocationType,
  Provider,
} from '../types.js';

/** A connection; CONNECTED unless told otherwise. */
export function connection(
  id: string,
  userId: string,
  provider: Provider,
  status: ConnectionStatus = 'CONNECTED',
): ConnectionInput {
  return { id, userId, provider, status };
}

/** A location whose id defaults to its type in lower case. */
export function location(type: LocationType, id: string = type.toLowerCase()): LocationInput {
  return { id, type };
}

/** An enabled ALL_MEMBERS page without locations, owned by its first member, unless told otherwise. */
export function bookingPage(
  fields: Partial<BookingPageInput> & Pick<BookingPageInput, 'memberIds'>,
): BookingPageInput {
  return {
    id: 'page',
    ownerId: fields.memberIds[0] ?? 'owner',
    mode: 'ALL_MEMBERS',
    roundRobin: false,
    enabled: true,
    locations: [],
    ...fields,
  };
}
