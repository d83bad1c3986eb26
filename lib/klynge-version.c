/* klynge-version.c: the version of the klynge library in use
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The KLYNGE_*_VERSION macros describe the headers a program was compiled
 * against; these functions describe the library it runs with, which can be
 * newer.
 */
#include "config.h"

#include "klynge-private.h"

/**
 * klynge_get_major_version:
 *
 * Returns: the major version of the klynge library in use, which can differ
 *   from %KLYNGE_MAJOR_VERSION, the version of the headers
 */
guint
klynge_get_major_version (void)
{
  return KLYNGE_MAJOR_VERSION;
}

/**
 * klynge_get_minor_version:
 *
 * Returns: the minor version of the klynge library in use
 */
guint
klynge_get_minor_version (void)
{
  return KLYNGE_MINOR_VERSION;
}

/**
 * klynge_get_micro_version:
 *
 * Returns: the micro version of the klynge library in use
 */
guint
klynge_get_micro_version (void)
{
  return KLYNGE_MICRO_VERSION;
}

/**
 * klynge_get_version_string:
 *
 * Returns: (transfer none): the version of the klynge library in use as
 *   `major.minor.micro`, such as `0.1.0`; a static string owned by the
 *   library
 */
const char *
klynge_get_version_string (void)
{
  return PACKAGE_VERSION;
}

/**
 * klynge_check_version:
 * @major: the required major version
 * @minor: the required minor version
 * @micro: the required micro version
 *
 * Checks at run time that the klynge library in use is at least version
 * @major.@minor.@micro, just as KLYNGE_CHECK_VERSION() does at compile
 * time for the headers.
 *
 * Returns: %TRUE if the library is that version or newer
 */
gboolean
klynge_check_version (guint major,
                      guint minor,
                      guint micro)
{
  /* Not KLYNGE_CHECK_VERSION(): with major version 0 its comparisons of
   * unsigned arguments are always false, which compilers flag. */
  guint have_major = klynge_get_major_version ();
  guint have_minor = klynge_get_minor_version ();

  if (have_major != major)
    return have_major > major;
  if (have_minor != minor)
    return have_minor > minor;
  return klynge_get_micro_version () >= micro;
}
