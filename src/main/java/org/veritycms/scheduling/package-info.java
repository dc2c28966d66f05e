/**
 * Quartz plumbing only: the clustered scheduler's lifecycle on the JDBC job store, the CDI job
 * factory, the record of every run and job health. It knows no feature: features declare their
 * {@link org.veritycms.scheduling.ScheduledTask}s.
 */
package org.veritycms.scheduling;
