/* klynge-identifiers.h: record identifiers and CVR numbers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH:
 *
 * The longest identifier value, in bytes, that
 * klynge_identifier_token_is_valid() accepts: 255. Identifiers are short
 * codes; the bound keeps a stray paragraph out of the value.
 */
#define KLYNGE_IDENTIFIER_MAX_TOKEN_LENGTH 255

gboolean klynge_id_is_valid          (const char *id);
gboolean klynge_id_check             (const char  *id,
                                      GError     **error);
gboolean klynge_cvr_is_valid         (const char *cvr);
gboolean klynge_p_number_is_valid    (const char *p_number);
gboolean klynge_lei_is_valid         (const char *lei);
gboolean klynge_wikidata_is_valid    (const char *wikidata);
gboolean klynge_identifier_token_is_valid (const char *token);
gboolean klynge_text_is_valid        (const char *text,
                                      gssize      length);

G_END_DECLS
