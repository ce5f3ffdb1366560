import { IntersectionType, OmitType } from '@nestjs/swagger';
import { FieldTestSiteReportedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /field-tests/:id/results: one site's result; the field test is the path's. */
export class ReportFieldTestSiteRequest extends IntersectionType(
  OmitType(FieldTestSiteReportedData, ['fieldTestId'] as const),
  CommandRequest,
) {}
