import { describeViewInvariants, sampleHealthService } from '@spiral/projections/testing';
import { nationalViewProjection } from './national-view.projection';

describeViewInvariants(nationalViewProjection, sampleHealthService());
