import { Module } from '@nestjs/common';
import { AuditReader } from './audit-reader';
import { AuditController } from './http/audit.controller';
import { VerificationsController } from './http/verifications.controller';
import { VerifyJobs } from './verify/verify-jobs';

/**
 * The auditors' routes: trace, read straight from the event store, and verify, run as a job in a
 * worker thread. Needs EVENT_STORE, VIEW_STORE (where the last verification is recorded) and CLOCK
 * from the engines module, and JobsModule (the queue, and a worker entry that runs `verify` jobs).
 */
@Module({
  controllers: [AuditController, VerificationsController],
  providers: [AuditReader, VerifyJobs],
  exports: [AuditReader],
})
export class AuditModule {}
