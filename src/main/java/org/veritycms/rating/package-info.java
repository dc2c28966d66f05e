/**
 * "How helpful is this page?": one rating per reader per page per review cycle, exact summaries
 * kept by atomic updates, and a flag for early review when readers' ratings fall.
 */
package org.veritycms.rating;
