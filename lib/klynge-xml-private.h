/* klynge-xml-private.h: shared by the XML reader and writer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "klynge-landscape-private.h"

G_BEGIN_DECLS

#define KLYNGE_XML_NAMESPACE "urn:klynge:landscape:1"

struct _KlyngeLoadOptions
{
  gatomicrefcount ref_count;
  guint64 max_input_size;
  guint max_depth;
  guint max_value_length;
  guint max_attributes;
};

void _klynge_load_options_init_defaults (KlyngeLoadOptions *options);

G_END_DECLS
