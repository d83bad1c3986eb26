/* test-table-load.c: a landscape from tables (issue 18)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "klynge-test.h"

int
main (void)
{
  return 0;
}
