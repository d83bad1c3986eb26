/* klynge-enums.h: the XML names (nicks) of the records' enum values
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

const char *klynge_enum_to_nick   (GType       enum_type,
                                   int         value);
gboolean    klynge_enum_from_nick (GType       enum_type,
                                   const char *nick,
                                   int        *value);

G_END_DECLS
