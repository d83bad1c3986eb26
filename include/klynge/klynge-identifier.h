/* klynge-identifier.h: identifiers of organisations and funding sources
 * in outside registers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-date.h>

G_BEGIN_DECLS

/**
 * KlyngeIdentifierScheme:
 * @KLYNGE_IDENTIFIER_SCHEME_CVR: a Danish CVR number, 8 digits with a
 *   modulus 11 check (`cvr`)
 * @KLYNGE_IDENTIFIER_SCHEME_P_NUMBER: a Danish production unit number, 10
 *   digits (`p-number`)
 * @KLYNGE_IDENTIFIER_SCHEME_LEI: a Legal Entity Identifier, 20 characters
 *   with ISO 17442 check digits (`lei`)
 * @KLYNGE_IDENTIFIER_SCHEME_WIKIDATA: a Wikidata item, `Q` and a number
 *   (`wikidata`)
 * @KLYNGE_IDENTIFIER_SCHEME_ECCP: a European Cluster Collaboration Platform
 *   profile, a token (`eccp`)
 * @KLYNGE_IDENTIFIER_SCHEME_ORG_ID: an org-id.guide identifier, a token
 *   (`org-id`)
 * @KLYNGE_IDENTIFIER_SCHEME_OTHER: any other register, a token (`other`)
 *
 * The register an identifier belongs to (format version 2).
 */
typedef enum {
  KLYNGE_IDENTIFIER_SCHEME_CVR,
  KLYNGE_IDENTIFIER_SCHEME_P_NUMBER,
  KLYNGE_IDENTIFIER_SCHEME_LEI,
  KLYNGE_IDENTIFIER_SCHEME_WIKIDATA,
  KLYNGE_IDENTIFIER_SCHEME_ECCP,
  KLYNGE_IDENTIFIER_SCHEME_ORG_ID,
  KLYNGE_IDENTIFIER_SCHEME_OTHER,
} KlyngeIdentifierScheme;

GType klynge_identifier_scheme_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_IDENTIFIER_SCHEME (klynge_identifier_scheme_get_type ())

/**
 * KlyngeIdentifier:
 *
 * An identifier of an organisation or funding source in an outside
 * register (format version 2): its scheme, its value, checked as the
 * scheme demands (see klynge_identifier_scheme_check_value()), and the
 * dates between which it was valid, if the sources give them. An
 * identifier is an immutable, reference-counted value.
 */
typedef struct _KlyngeIdentifier KlyngeIdentifier;

GType               klynge_identifier_get_type    (void) G_GNUC_CONST;
#define KLYNGE_TYPE_IDENTIFIER (klynge_identifier_get_type ())

gboolean            klynge_identifier_scheme_check_value (KlyngeIdentifierScheme   scheme,
                                                          const char              *value,
                                                          GError                 **error);

KlyngeIdentifier   *klynge_identifier_new         (KlyngeIdentifierScheme   scheme,
                                                   const char              *value,
                                                   const KlyngeDate        *since,
                                                   const KlyngeDate        *until,
                                                   GError                 **error);
KlyngeIdentifier   *klynge_identifier_ref         (KlyngeIdentifier        *identifier);
void                klynge_identifier_unref       (KlyngeIdentifier        *identifier);

KlyngeIdentifierScheme klynge_identifier_get_scheme (const KlyngeIdentifier *identifier);
const char         *klynge_identifier_get_value   (const KlyngeIdentifier  *identifier);
const KlyngeDate   *klynge_identifier_get_since   (const KlyngeIdentifier  *identifier);
const KlyngeDate   *klynge_identifier_get_until   (const KlyngeIdentifier  *identifier);
guint               klynge_identifier_get_line    (const KlyngeIdentifier  *identifier);
gboolean            klynge_identifier_is_valid_on (const KlyngeIdentifier  *identifier,
                                                   const KlyngeDate        *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeIdentifier, klynge_identifier_unref)

G_END_DECLS
