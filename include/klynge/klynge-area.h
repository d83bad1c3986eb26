/* klynge-area.h: the business and technology areas klynge knows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * KLYNGE_AREA_SCHEME_OTHER:
 *
 * The scheme of free-text areas: any non-empty text, checked against no
 * list. Every focus area of a version 1 document is in it.
 */
#define KLYNGE_AREA_SCHEME_OTHER "other"

/**
 * KlyngeAreaKind:
 * @KLYNGE_AREA_KIND_NOT_STATED: no source read says which kind the area is
 *   (`not-stated`)
 * @KLYNGE_AREA_KIND_STRONGHOLD: a stronghold ("styrkeposition") of the
 *   strategy (`stronghold`)
 * @KLYNGE_AREA_KIND_EMERGING: an emerging ("spirende") area of the
 *   strategy (`emerging`)
 *
 * What the strategy behind a scheme calls an area.
 */
typedef enum {
  KLYNGE_AREA_KIND_NOT_STATED,
  KLYNGE_AREA_KIND_STRONGHOLD,
  KLYNGE_AREA_KIND_EMERGING,
} KlyngeAreaKind;

GType klynge_area_kind_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_AREA_KIND (klynge_area_kind_get_type ())

/**
 * KlyngeArea:
 *
 * One area of a vocabulary that klynge ships: its scheme, its token, its
 * Danish and English labels, its kind and the page that names it. An
 * immutable, reference-counted value; the vocabulary keeps its areas for
 * the life of the program.
 */
typedef struct _KlyngeArea KlyngeArea;

GType             klynge_area_get_type            (void) G_GNUC_CONST;
#define KLYNGE_TYPE_AREA (klynge_area_get_type ())

KlyngeArea       *klynge_area_ref                 (KlyngeArea       *area);
void              klynge_area_unref               (KlyngeArea       *area);
const char       *klynge_area_get_scheme          (const KlyngeArea *area);
const char       *klynge_area_get_id              (const KlyngeArea *area);
const char       *klynge_area_get_label           (const KlyngeArea *area);
const char       *klynge_area_get_label_en        (const KlyngeArea *area);
gboolean          klynge_area_is_label_en_translated (const KlyngeArea *area);
const char       *klynge_area_get_label_en_source (const KlyngeArea *area);
KlyngeAreaKind    klynge_area_get_kind            (const KlyngeArea *area);
const char       *klynge_area_get_source          (const KlyngeArea *area);

KlyngeArea       *klynge_area_lookup              (const char       *scheme,
                                                   const char       *label);
GPtrArray        *klynge_list_areas               (const char       *scheme);
const char * const *klynge_list_area_schemes      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeArea, klynge_area_unref)

G_END_DECLS
