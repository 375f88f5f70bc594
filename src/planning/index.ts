export { auditRecords, AUDIT_ITEMS } from './audit.js'
export type { AuditCheck, CadreAudit, InvalidAudit, RecordAudit } from './audit.js'
