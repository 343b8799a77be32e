export const bookingRulesPackageName = '@tsunagi/booking-rules';
