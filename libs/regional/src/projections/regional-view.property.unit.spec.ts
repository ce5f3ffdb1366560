import { describeViewInvariants, sampleHealthService } from '@spiral/projections/testing';
import { regionalViewProjection } from './regional-view.projection';

describeViewInvariants(regionalViewProjection, sampleHealthService());
