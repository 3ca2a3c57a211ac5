/** Administration: staff, roles, settings, audit verification, backups. */
export const adminMethods = {};
