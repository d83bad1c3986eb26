/* klynge-error.h: the KLYNGE_ERROR domain
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
 * KLYNGE_ERROR:
 *
 * The error domain of every #GError that klynge reports.
 */
#define KLYNGE_ERROR (klynge_error_quark ())

/**
 * KlyngeError:
 * @KLYNGE_ERROR_FAILED: a failure with no more specific code
 * @KLYNGE_ERROR_IO: a file or stream could not be read or written
 * @KLYNGE_ERROR_XML_SYNTAX: the document is not well-formed XML
 * @KLYNGE_ERROR_ENCODING: the input is not UTF-8, or a string holds
 *   characters that XML cannot carry
 * @KLYNGE_ERROR_DOCTYPE_FORBIDDEN: the document has a document type
 *   declaration; landscapes never do
 * @KLYNGE_ERROR_ENTITY_FORBIDDEN: the document uses an entity reference
 *   other than the five predefined ones
 * @KLYNGE_ERROR_LIMIT_EXCEEDED: a size, depth or count cap was exceeded
 * @KLYNGE_ERROR_NOT_A_LANDSCAPE: the root element is not a landscape in
 *   the `urn:klynge:landscape:1` namespace
 * @KLYNGE_ERROR_UNSUPPORTED_VERSION: the landscape's `version` is not 1
 * @KLYNGE_ERROR_UNKNOWN_ELEMENT: an element the format does not allow here
 * @KLYNGE_ERROR_UNKNOWN_ATTRIBUTE: an attribute the format does not allow
 * @KLYNGE_ERROR_UNEXPECTED_TEXT: text where the format allows only elements
 * @KLYNGE_ERROR_MISSING_ELEMENT: a required child element is missing
 * @KLYNGE_ERROR_MISSING_ATTRIBUTE: a required attribute is missing
 * @KLYNGE_ERROR_BAD_ID: an identifier is not an XML NCName
 * @KLYNGE_ERROR_BAD_DATE: a date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
 *   or names a day that does not exist
 * @KLYNGE_ERROR_BAD_PERIOD: a period ends before it starts
 * @KLYNGE_ERROR_BAD_MONEY: an amount is not a non-negative decimal with at
 *   most two decimals, or it overflows
 * @KLYNGE_ERROR_BAD_PERCENT: a percent is not between 0 and 100 with at
 *   most two decimals
 * @KLYNGE_ERROR_BAD_CVR: a CVR number fails its modulus-11 check
 * @KLYNGE_ERROR_BAD_ENUM: a value is not one of an enumeration's names
 * @KLYNGE_ERROR_BAD_VALUE: any other malformed value (an empty name, a
 *   text element with child elements)
 * @KLYNGE_ERROR_SHARES_NOT_100: a contract's shares do not sum to 100.00
 * @KLYNGE_ERROR_DUPLICATE_ID: an identifier is already used in the landscape
 * @KLYNGE_ERROR_UNRESOLVED_REFERENCE: a reference names no record
 * @KLYNGE_ERROR_WRONG_REFERENCE_KIND: a reference names a record of the
 *   wrong kind (a contract held by a member, say)
 * @KLYNGE_ERROR_TOO_FEW_PARTIES: a merger lacks predecessors
 * @KLYNGE_ERROR_DUPLICATE_MEMBERSHIP: the member already has a membership
 *   of that organisation that starts on the same date
 * @KLYNGE_ERROR_REFERENCED: the record cannot be removed because others
 *   refer to it
 * @KLYNGE_ERROR_NOT_FOUND: no record has that identifier
 * @KLYNGE_ERROR_INCONSISTENT: records contradict each other (a completed
 *   merger whose predecessors are not dissolved, say)
 * @KLYNGE_ERROR_CONTRACT_GAP: a renewal starts more than one day after the
 *   contract it renews ends, leaving days without a contract
 * @KLYNGE_ERROR_CONTRACT_OVERLAP: a renewal starts on or before the last
 *   day of the contract it renews
 * @KLYNGE_ERROR_SHARES_NOT_EQUAL: co-funders that should pay equal shares
 *   of a contract do not
 * @KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE: a merger's predecessor is not
 *   active on the day before the effective date: already dissolved (or
 *   merged) or not yet founded
 * @KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE: an absorption's successor is not
 *   active on the effective date, or a merger's new successor was
 *   dissolved before it
 * @KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR: a merger names its
 *   successor among its predecessors
 * @KLYNGE_ERROR_MERGER_CYCLE: a predecessor descends, through completed
 *   mergers, from the successor
 * @KLYNGE_ERROR_MERGER_DATE_ORDER: a merger's dates are out of order (it
 *   takes effect on or before a predecessor's founding or a merger that
 *   created a predecessor, or a new successor's founding date differs from
 *   the effective date)
 * @KLYNGE_ERROR_MERGER_ALREADY_COMPLETED: the merger is already completed
 * @KLYNGE_ERROR_OVERFLOW: a result is too large to represent (a sum of
 *   amounts above %KLYNGE_MONEY_MAX øre)
 * @KLYNGE_ERROR_MEMBERSHIP_AFTER_DISSOLUTION: a membership runs after its
 *   organisation's dissolution
 * @KLYNGE_ERROR_MEMBERSHIP_BEFORE_FOUNDING: a membership starts before its
 *   organisation's founding (a warning)
 * @KLYNGE_ERROR_DESIGNATION_AFTER_DISSOLUTION: a designation runs after its
 *   organisation's dissolution
 * @KLYNGE_ERROR_DESIGNATION_BEFORE_FOUNDING: a designation starts before its
 *   organisation's founding (a warning)
 * @KLYNGE_ERROR_CONTRACT_AFTER_DISSOLUTION: a contract runs after its
 *   holder's dissolution
 * @KLYNGE_ERROR_CONTRACT_BEFORE_FOUNDING: a contract starts before its
 *   holder's founding (a warning: bodies are funded while being formed)
 * @KLYNGE_ERROR_INITIATIVE_AFTER_DISSOLUTION: an initiative runs after its
 *   host's dissolution
 * @KLYNGE_ERROR_INITIATIVE_BEFORE_FOUNDING: an initiative starts before its
 *   host's founding (a warning)
 * @KLYNGE_ERROR_PARTICIPATION_AFTER_DISSOLUTION: an initiative names a
 *   participant that was dissolved before the initiative started
 * @KLYNGE_ERROR_PARTICIPATION_BEFORE_FOUNDING: an initiative ends before a
 *   participant was founded (a warning)
 * @KLYNGE_ERROR_LABEL_AFTER_DISSOLUTION: a quality label is awarded or valid
 *   after its organisation's dissolution
 * @KLYNGE_ERROR_LABEL_BEFORE_FOUNDING: a quality label is awarded before its
 *   organisation's founding (a warning)
 * @KLYNGE_ERROR_MEMBERSHIP_OVERLAP: two memberships of one member in one
 *   organisation overlap in time
 * @KLYNGE_ERROR_BAD_IDENTIFIER: an identifier's value fails its scheme's
 *   check (CVR modulus 11, LEI check digits, a Wikidata `Q` number, a
 *   P-number of 10 digits, a token)
 * @KLYNGE_ERROR_DUPLICATE_IDENTIFIER: two records carry the same scheme and
 *   value at the same time
 * @KLYNGE_ERROR_UNKNOWN_REGION: a region code is not one of the NUTS 2021
 *   regions of Denmark that klynge ships
 * @KLYNGE_ERROR_UNKNOWN_MUNICIPALITY: a municipality code is not one of the
 *   Danish municipality codes that klynge ships
 * @KLYNGE_ERROR_REGION_MISMATCH: a location's municipality lies in another
 *   region than the one the location states
 * @KLYNGE_ERROR_UNKNOWN_AREA: an area names a scheme klynge does not know,
 *   or a label that the scheme's vocabulary does not have
 * @KLYNGE_ERROR_UNKNOWN_FILTER_VALUE: a filter names a value (a focus area,
 *   a city, a region, a municipality) that matches nothing known; the
 *   message lists the known values
 * @KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS: an event has more
 *   predecessors than its kind allows (a rename has exactly one)
 * @KLYNGE_ERROR_MERGER_CANCELLED: a cancelled event was to be applied
 * @KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL: a membership states why it
 *   ended but not when
 * @KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW: an initiative's stated number of
 *   participants is below the number it lists
 * @KLYNGE_ERROR_TABLE_SYNTAX: a table is not CSV as klynge reads it: a
 *   quote that is not closed, text after a closing quote, or a row with
 *   more or fewer fields than its header
 * @KLYNGE_ERROR_TABLE_HEADER: a table's header is missing or empty, names
 *   a column twice, or lacks a column the table needs
 * @KLYNGE_ERROR_UNKNOWN_COLUMN: a table's header names a column that the
 *   table does not have
 * @KLYNGE_ERROR_UNKNOWN_TABLE: a directory of tables holds a `.csv` file
 *   that is not one of klynge's tables
 * @KLYNGE_ERROR_MISSING_TABLE: a table that the others need is not there
 *   (memberships without members, say), or there is no table at all
 *
 * Error codes of the %KLYNGE_ERROR domain. Each distinct failure has its
 * own code; messages of load errors start with `file:line:col: `.
 * New codes are only ever appended.
 */
typedef enum {
  KLYNGE_ERROR_FAILED,
  KLYNGE_ERROR_IO,
  KLYNGE_ERROR_XML_SYNTAX,
  KLYNGE_ERROR_ENCODING,
  KLYNGE_ERROR_DOCTYPE_FORBIDDEN,
  KLYNGE_ERROR_ENTITY_FORBIDDEN,
  KLYNGE_ERROR_LIMIT_EXCEEDED,
  KLYNGE_ERROR_NOT_A_LANDSCAPE,
  KLYNGE_ERROR_UNSUPPORTED_VERSION,
  KLYNGE_ERROR_UNKNOWN_ELEMENT,
  KLYNGE_ERROR_UNKNOWN_ATTRIBUTE,
  KLYNGE_ERROR_UNEXPECTED_TEXT,
  KLYNGE_ERROR_MISSING_ELEMENT,
  KLYNGE_ERROR_MISSING_ATTRIBUTE,
  KLYNGE_ERROR_BAD_ID,
  KLYNGE_ERROR_BAD_DATE,
  KLYNGE_ERROR_BAD_PERIOD,
  KLYNGE_ERROR_BAD_MONEY,
  KLYNGE_ERROR_BAD_PERCENT,
  KLYNGE_ERROR_BAD_CVR,
  KLYNGE_ERROR_BAD_ENUM,
  KLYNGE_ERROR_BAD_VALUE,
  KLYNGE_ERROR_SHARES_NOT_100,
  KLYNGE_ERROR_DUPLICATE_ID,
  KLYNGE_ERROR_UNRESOLVED_REFERENCE,
  KLYNGE_ERROR_WRONG_REFERENCE_KIND,
  KLYNGE_ERROR_TOO_FEW_PARTIES,
  KLYNGE_ERROR_DUPLICATE_MEMBERSHIP,
  KLYNGE_ERROR_REFERENCED,
  KLYNGE_ERROR_NOT_FOUND,
  KLYNGE_ERROR_INCONSISTENT,
  KLYNGE_ERROR_CONTRACT_GAP,
  KLYNGE_ERROR_CONTRACT_OVERLAP,
  KLYNGE_ERROR_SHARES_NOT_EQUAL,
  KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE,
  KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE,
  KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR,
  KLYNGE_ERROR_MERGER_CYCLE,
  KLYNGE_ERROR_MERGER_DATE_ORDER,
  KLYNGE_ERROR_MERGER_ALREADY_COMPLETED,
  KLYNGE_ERROR_OVERFLOW,
  KLYNGE_ERROR_MEMBERSHIP_AFTER_DISSOLUTION,
  KLYNGE_ERROR_MEMBERSHIP_BEFORE_FOUNDING,
  KLYNGE_ERROR_DESIGNATION_AFTER_DISSOLUTION,
  KLYNGE_ERROR_DESIGNATION_BEFORE_FOUNDING,
  KLYNGE_ERROR_CONTRACT_AFTER_DISSOLUTION,
  KLYNGE_ERROR_CONTRACT_BEFORE_FOUNDING,
  KLYNGE_ERROR_INITIATIVE_AFTER_DISSOLUTION,
  KLYNGE_ERROR_INITIATIVE_BEFORE_FOUNDING,
  KLYNGE_ERROR_PARTICIPATION_AFTER_DISSOLUTION,
  KLYNGE_ERROR_PARTICIPATION_BEFORE_FOUNDING,
  KLYNGE_ERROR_LABEL_AFTER_DISSOLUTION,
  KLYNGE_ERROR_LABEL_BEFORE_FOUNDING,
  KLYNGE_ERROR_MEMBERSHIP_OVERLAP,
  KLYNGE_ERROR_BAD_IDENTIFIER,
  KLYNGE_ERROR_DUPLICATE_IDENTIFIER,
  KLYNGE_ERROR_UNKNOWN_REGION,
  KLYNGE_ERROR_UNKNOWN_MUNICIPALITY,
  KLYNGE_ERROR_REGION_MISMATCH,
  KLYNGE_ERROR_UNKNOWN_AREA,
  KLYNGE_ERROR_UNKNOWN_FILTER_VALUE,
  KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS,
  KLYNGE_ERROR_MERGER_CANCELLED,
  KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL,
  KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW,
  KLYNGE_ERROR_TABLE_SYNTAX,
  KLYNGE_ERROR_TABLE_HEADER,
  KLYNGE_ERROR_UNKNOWN_COLUMN,
  KLYNGE_ERROR_UNKNOWN_TABLE,
  KLYNGE_ERROR_MISSING_TABLE,
} KlyngeError;

GQuark klynge_error_quark (void);

G_END_DECLS
