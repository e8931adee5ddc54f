/* ins-test-db.h — a fresh, migrated database for each store test program
 *
 * The test runner (scripts/test) starts a throwaway PostgreSQL cluster and sets
 * INS_TEST_ADMIN_CONNINFO to a superuser connection on it. Each test program
 * creates its own database there, migrated, and drops it at exit.
 */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

/* Creates (once per process) and migrates the test database; returns its conninfo. */
const char *ins_test_db_conninfo (void);

/* A new superuser connection to the test database; aborts the test on failure. */
PGconn     *ins_test_db_connect  (void);

/* A new connection to the test database as @role (a login role). */
PGconn     *ins_test_db_connect_as (const char *role);

/* Empties every table of affaires (keeps organismes and agents). */
void        ins_test_db_truncate (PGconn *conn);

G_END_DECLS
