import { describeViewInvariants, sampleHealthService } from '@spiral/analytics/testing';
import { nationalViewProjection } from './national-view.projection';

describeViewInvariants(nationalViewProjection, sampleHealthService());
