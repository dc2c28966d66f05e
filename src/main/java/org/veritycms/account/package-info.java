/**
 * People who work on the site: accounts with roles, password hashing, sign-in with lockout,
 * database-backed sessions, and the access rules every editorial endpoint declares.
 */
package org.veritycms.account;
