/** The editors', reviewers' and moderators' screens under {@code /admin}, composed from the features. */
package org.veritycms.admin;
