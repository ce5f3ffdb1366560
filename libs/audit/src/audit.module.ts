import { Module } from '@nestjs/common';
import { AuditReader } from './audit-reader';
import { AuditController } from './http/audit.controller';

/**
 * The auditors' routes: trace and verify, read straight from the event store. Needs EVENT_STORE
 * and CLOCK from the engines module; writes nothing.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditReader],
  exports: [AuditReader],
})
export class AuditModule {}
