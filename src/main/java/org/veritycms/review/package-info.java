/**
 * The review lifecycle: policies per risk tier, states derived from the clock, immutable review
 * records with the four-eyes rule, and the daily scan that reminds, escalates, shows a public
 * notice and finally withdraws what nobody reviewed.
 */
package org.veritycms.review;
