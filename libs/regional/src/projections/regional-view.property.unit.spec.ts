import { describeViewInvariants, sampleHealthService } from '@spiral/analytics/testing';
import { regionalViewProjection } from './regional-view.projection';

describeViewInvariants(regionalViewProjection, sampleHealthService());
