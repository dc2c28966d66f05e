/**
 * Following a topic by e-mail: double opt-in sign-up (nothing kept until the reader confirms),
 * the monthly digest of pages reviewed or updated in the topic, and one-click unsubscribe.
 */
package org.veritycms.subscription;
