/* klynge-geography.h: the regions and municipalities of Denmark
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

gboolean            klynge_region_is_known         (const char *code);
const char         *klynge_region_get_name         (const char *code);
const char * const *klynge_list_regions            (void);

gboolean            klynge_municipality_is_known   (const char *code);
const char         *klynge_municipality_get_name   (const char *code);
const char         *klynge_municipality_get_region (const char *code);
const char * const *klynge_list_municipalities     (void);

G_END_DECLS
