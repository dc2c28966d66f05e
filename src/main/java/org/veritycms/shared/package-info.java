/**
 * The few things every feature needs: the injected clock, configuration of the data folder,
 * schema migration at start-up and the problem type that errors carry.
 */
package org.veritycms.shared;
