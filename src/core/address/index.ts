export { createAddressMatcher, matchAddress, matchAddresses, type AddressCandidate, type AddressMatch, type AddressMatcher, type AddressMatcherOptions, type MatchedVia } from './matcher';
export { DEFAULT_ADDRESS_PREFIXES, normaliseText, stripHouseDetails, stripPrefixes } from './normalise';
export { unitsFromFeatures, type AddressUnit } from './units';
