/* klynge-default.c: the built-in Danish landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * data/denmark.xml is compiled into the library as a GResource, so the
 * command-line tool and analysts have the real landscape with nothing to
 * install or find at run time. tests/test-default.c checks it loads,
 * validates and cites its sources.
 */
#include "config.h"

#include "klynge-landscape-private.h"
#include "klynge-resources.h"

#define DEFAULT_RESOURCE "/dk/klynge/landscape/denmark.xml"

/**
 * klynge_landscape_new_default:
 *
 * Loads the Danish cluster landscape that is built into the library (the
 * years of its dates: `klynge --help`): the national cluster organisations,
 * their predecessors, the mergers between them, their funders and
 * contracts, and the initiatives of Cluster Excellence Denmark, each
 * record with the public sources it comes from. Each call returns a new,
 * independent landscape.
 *
 * Returns: (transfer full): the built-in landscape
 */
KlyngeLandscape *
klynge_landscape_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape;

  bytes = g_resource_lookup_data (_klynge_get_resource (), DEFAULT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* the data is part of the library and tested at build time: failing
   * here means a broken build, not bad input */
  if (bytes == NULL)
    g_error ("the built-in landscape is missing: %s", error->message);
  landscape = klynge_landscape_load_bytes (bytes, "resource://" DEFAULT_RESOURCE, NULL, &error);
  if (landscape == NULL)
    g_error ("the built-in landscape does not load: %s", error->message);
  return landscape;
}
