/** Documents: PDF rendering, agreements, print queue, verification. */
export const documentMethods = {};
