/* klynge-member.h: enterprises and knowledge institutions that are members
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-record.h>

G_BEGIN_DECLS

/**
 * KlyngeMemberKind:
 * @KLYNGE_MEMBER_KIND_COMPANY: a company (`company`)
 * @KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION: a university, research or
 *   technology institute (`knowledge-institution`)
 * @KLYNGE_MEMBER_KIND_PUBLIC: a public body (`public`)
 * @KLYNGE_MEMBER_KIND_OTHER: anything else (`other`)
 *
 * What a member is.
 */
typedef enum {
  KLYNGE_MEMBER_KIND_COMPANY,
  KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION,
  KLYNGE_MEMBER_KIND_PUBLIC,
  KLYNGE_MEMBER_KIND_OTHER,
} KlyngeMemberKind;

GType klynge_member_kind_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MEMBER_KIND (klynge_member_kind_get_type ())

/**
 * KlyngeMemberSize:
 * @KLYNGE_MEMBER_SIZE_UNKNOWN: the size class is not known (no attribute)
 * @KLYNGE_MEMBER_SIZE_MICRO: fewer than 10 employees (`micro`)
 * @KLYNGE_MEMBER_SIZE_SMALL: fewer than 50 employees (`small`)
 * @KLYNGE_MEMBER_SIZE_MEDIUM: fewer than 250 employees (`medium`)
 * @KLYNGE_MEMBER_SIZE_SME: a small or medium-sized enterprise whose exact
 *   class is not known (`sme`)
 * @KLYNGE_MEMBER_SIZE_LARGE: 250 employees or more (`large`)
 *
 * The size class of a member.
 */
typedef enum {
  KLYNGE_MEMBER_SIZE_UNKNOWN,
  KLYNGE_MEMBER_SIZE_MICRO,
  KLYNGE_MEMBER_SIZE_SMALL,
  KLYNGE_MEMBER_SIZE_MEDIUM,
  KLYNGE_MEMBER_SIZE_SME,
  KLYNGE_MEMBER_SIZE_LARGE,
} KlyngeMemberSize;

GType klynge_member_size_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MEMBER_SIZE (klynge_member_size_get_type ())

#define KLYNGE_TYPE_MEMBER (klynge_member_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeMember, klynge_member, KLYNGE, MEMBER, KlyngeRecord)

KlyngeMember     *klynge_member_new      (const char        *id,
                                          KlyngeMemberKind   kind,
                                          const char        *name);
const char       *klynge_member_get_name (KlyngeMember      *self);
gboolean          klynge_member_set_name (KlyngeMember      *self,
                                          const char        *name,
                                          GError           **error);
KlyngeMemberKind  klynge_member_get_kind (KlyngeMember      *self);
void              klynge_member_set_kind (KlyngeMember      *self,
                                          KlyngeMemberKind   kind);
KlyngeMemberSize  klynge_member_get_size (KlyngeMember      *self);
void              klynge_member_set_size (KlyngeMember      *self,
                                          KlyngeMemberSize   size);
const char       *klynge_member_get_cvr  (KlyngeMember      *self);
gboolean          klynge_member_set_cvr  (KlyngeMember      *self,
                                          const char        *cvr,
                                          GError           **error);

G_END_DECLS
