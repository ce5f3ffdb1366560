/** The kind of the job that rebuilds every view (RebuildJobs starts it, the embedded job worker runs rebuildViews). */
export const REBUILD_JOB = 'rebuild';
