/* banso-dict-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "banso-dict-format-private.h"

/*
 * The data file of a StarDict or dictd dictionary, read at any offset.
 *
 * A dictzip file (.dz) is a gzip file whose extra field holds a table of
 * chunks ("RA" subfield: version, chunk length, chunk count, then the
 * compressed size of each chunk); each chunk was compressed with a full
 * flush, so it inflates on its own and a read costs one chunk or two. A
 * gzip file without the table is inflated once into a temporary file; a
 * plain file is read as it is.
 */

struct _BansoDictData
{
  char    *path;
  int      fd;
  guint64  file_size;
  guint64  size;
  gboolean dictzip;

  guint32  chunk_len;
  guint32  n_chunks;
  guint64 *chunk_offsets;  /* n_chunks + 1 offsets of the compressed chunks */
  z_stream z;
  gboolean z_ready;
  guchar  *in_buf;
  guchar  *chunk;
  gint64   chunk_index;
  gsize    chunk_size;
};

static gboolean
pread_all (BansoDictData  *self,
           void           *buf,
           gsize           len,
           guint64         offset,
           GError        **error)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = pread (self->fd, (char *)buf + done, len - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot read %s: %s"), self->path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        {
          g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                       _("File %s is cut short: it ends at byte %llu, before byte %llu"),
                       self->path, (unsigned long long)(offset + done), (unsigned long long)(offset + len));
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

static gboolean
malformed (GError     **error,
           const char  *path,
           guint64      offset,
           const char  *what)
{
  g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
               _("File %s, byte %llu: %s"), path, (unsigned long long)offset, what);
  return FALSE;
}

/* Parses the gzip header; returns the offset of the compressed data and
 * fills the chunk table when there is one. */
static gboolean
parse_gzip_header (BansoDictData  *self,
                   guint64        *data_start,
                   gboolean       *has_table,
                   GError        **error)
{
  guchar head[10];
  guint8 flags;
  guint64 pos = 10;

  *has_table = FALSE;
  if (!pread_all (self, head, sizeof head, 0, error))
    return FALSE;
  if (head[2] != 8)
    return malformed (error, self->path, 2, _("the gzip file uses an unknown compression method"));
  flags = head[3];

  if (flags & 0x04)
    {
      guchar xlen_buf[2];
      g_autofree guchar *extra = NULL;
      guint xlen;
      guint i = 0;

      if (!pread_all (self, xlen_buf, 2, pos, error))
        return FALSE;
      xlen = xlen_buf[0] | (xlen_buf[1] << 8);
      pos += 2;
      extra = g_malloc (MAX (xlen, 1));
      if (!pread_all (self, extra, xlen, pos, error))
        return FALSE;

      while (i + 4 <= xlen)
        {
          guint len = extra[i + 2] | (extra[i + 3] << 8);

          if (i + 4 + len > xlen)
            return malformed (error, self->path, pos + i,
                              _("the gzip extra field is damaged"));
          if (extra[i] == 'R' && extra[i + 1] == 'A' && len >= 6)
            {
              const guchar *ra = extra + i + 4;
              guint version = ra[0] | (ra[1] << 8);
              guint j;

              if (version != 1)
                return malformed (error, self->path, pos + i,
                                  _("the dictzip chunk table has an unknown version"));
              self->chunk_len = ra[2] | (ra[3] << 8);
              self->n_chunks = ra[4] | (ra[5] << 8);
              if (6 + 2 * (gsize)self->n_chunks > len || self->chunk_len == 0)
                return malformed (error, self->path, pos + i,
                                  _("the dictzip chunk table is damaged"));
              self->chunk_offsets = g_new0 (guint64, self->n_chunks + 1);
              for (j = 0; j < self->n_chunks; j++)
                self->chunk_offsets[j + 1] = self->chunk_offsets[j]
                                             + (ra[6 + 2 * j] | (ra[7 + 2 * j] << 8));
              *has_table = TRUE;
            }
          i += 4 + len;
        }
      pos += xlen;
    }

  /* The file name and the comment end with a NUL; then an optional CRC. */
  for (guint field = 0; field < 2; field++)
    {
      guchar c = 1;

      if (!(flags & (field == 0 ? 0x08 : 0x10)))
        continue;
      while (c != 0)
        {
          if (!pread_all (self, &c, 1, pos, error))
            return FALSE;
          pos++;
        }
    }
  if (flags & 0x02)
    pos += 2;

  *data_start = pos;
  return TRUE;
}

static gboolean
inflate_to_temp (BansoDictData  *self,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFileInputStream) raw = NULL;
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *buf = g_malloc (65536);
  int tmp_fd;
  guint64 total = 0;

  raw = g_file_read (file, cancellable, error);
  if (raw == NULL)
    return FALSE;
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  in = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (decompressor));

  tmp_fd = g_file_open_tmp ("banso-dict-XXXXXX", &tmp_path, error);
  if (tmp_fd < 0)
    return FALSE;
  g_unlink (tmp_path);

  for (;;)
    {
      gssize n = g_input_stream_read (in, buf, 65536, cancellable, &local_error);

      if (n < 0)
        {
          close (tmp_fd);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                       _("File %s is cut short or damaged after %llu bytes of text (%s)"),
                       self->path, (unsigned long long)total, local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;
      if (write (tmp_fd, buf, n) != n)
        {
          int saved = errno;

          close (tmp_fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot unpack %s: %s"), self->path, g_strerror (saved));
          return FALSE;
        }
      total += n;
    }

  close (self->fd);
  self->fd = tmp_fd;
  self->size = total;
  return TRUE;
}

BansoDictData *
_banso_dict_data_open (const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(BansoDictData) self = g_new0 (BansoDictData, 1);
  struct stat st;
  guchar magic[2] = { 0, 0 };

  self->path = g_strdup (path);
  self->chunk_index = -1;
  self->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MISSING,
                     _("File %s does not exist"), path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("Cannot open %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (fstat (self->fd, &st) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot open %s: %s"), path,
                   g_strerror (errno));
      return NULL;
    }
  self->file_size = st.st_size;
  self->size = st.st_size;

  if (self->file_size >= 2 && !pread_all (self, magic, 2, 0, error))
    return NULL;
  if (magic[0] == 0x1f && magic[1] == 0x8b)
    {
      guint64 data_start;
      gboolean has_table;
      guchar trailer[4];
      guint64 compressed;
      guint64 isize;

      if (self->file_size < 18)
        {
          malformed (error, path, self->file_size, _("the file is cut short"));
          return NULL;
        }
      if (!parse_gzip_header (self, &data_start, &has_table, error))
        return NULL;
      if (!has_table)
        {
          if (!inflate_to_temp (self, cancellable, error))
            return NULL;
          return g_steal_pointer (&self);
        }

      compressed = self->chunk_offsets[self->n_chunks];
      if (data_start + compressed + 8 > self->file_size)
        {
          g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                       _("File %s is cut short: it has %llu bytes, but its "
                         "table of %u compressed chunks needs %llu"),
                       path, (unsigned long long)self->file_size, self->n_chunks,
                       (unsigned long long)(data_start + compressed + 8));
          return NULL;
        }
      for (guint i = 0; i <= self->n_chunks; i++)
        self->chunk_offsets[i] += data_start;

      /* The size of the text: the gzip trailer has it modulo 2^32. */
      if (!pread_all (self, trailer, 4, self->file_size - 4, error))
        return NULL;
      isize = trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) | ((guint64)trailer[3] << 24);
      if (self->n_chunks == 0)
        {
          self->size = 0;
        }
      else
        {
          guint64 low = (guint64)(self->n_chunks - 1) * self->chunk_len;

          self->size = isize;
          while (self->size <= low && self->size + G_GUINT64_CONSTANT (0x100000000)
                 <= (guint64)self->n_chunks * self->chunk_len)
            self->size += G_GUINT64_CONSTANT (0x100000000);
          if (self->size > (guint64)self->n_chunks * self->chunk_len || self->size < low)
            {
              malformed (error, path, self->file_size - 4,
                         _("the size in the gzip trailer does not match the chunk table"));
              return NULL;
            }
        }
      self->dictzip = TRUE;
      if (inflateInit2 (&self->z, -MAX_WBITS) != Z_OK)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot unpack %s"), path);
          return NULL;
        }
      self->z_ready = TRUE;
      self->chunk = g_malloc (self->chunk_len);
    }

  return g_steal_pointer (&self);
}

guint64
_banso_dict_data_get_size (BansoDictData *self)
{
  return self->size;
}

gboolean
_banso_dict_data_is_dictzip (BansoDictData *self)
{
  return self->dictzip;
}

static gboolean
load_chunk (BansoDictData  *self,
            guint           index,
            GError        **error)
{
  guint64 start = self->chunk_offsets[index];
  gsize len = self->chunk_offsets[index + 1] - start;
  int ret;

  if (self->chunk_index == index)
    return TRUE;
  self->chunk_index = -1;
  self->in_buf = g_realloc (self->in_buf, MAX (len, 1));
  if (!pread_all (self, self->in_buf, len, start, error))
    return FALSE;

  inflateReset (&self->z);
  self->z.next_in = self->in_buf;
  self->z.avail_in = len;
  self->z.next_out = self->chunk;
  self->z.avail_out = self->chunk_len;
  ret = inflate (&self->z, Z_SYNC_FLUSH);
  if ((ret != Z_OK && ret != Z_STREAM_END) || self->z.avail_in != 0)
    return malformed (error, self->path, start, _("a compressed chunk is damaged"));
  self->chunk_size = self->chunk_len - self->z.avail_out;
  if (self->chunk_size != MIN ((guint64)self->chunk_len,
                               self->size - (guint64)index * self->chunk_len))
    return malformed (error, self->path, start, _("a compressed chunk is damaged"));
  self->chunk_index = index;
  return TRUE;
}

/* Returns @size bytes at @offset of the text, NUL-terminated. */
char *
_banso_dict_data_read (BansoDictData  *self,
                       guint64         offset,
                       guint32         size,
                       GError        **error)
{
  g_autofree char *out = NULL;
  guint64 done = 0;

  if (offset > self->size || size > self->size - offset)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s has %llu bytes of text, but the index points to "
                     "bytes %llu to %llu"),
                   self->path, (unsigned long long)self->size, (unsigned long long)offset,
                   (unsigned long long)(offset + size));
      return NULL;
    }
  out = g_malloc ((gsize)size + 1);
  out[size] = '\0';

  if (!self->dictzip)
    {
      if (!pread_all (self, out, size, offset, error))
        return NULL;
      return g_steal_pointer (&out);
    }

  while (done < size)
    {
      guint64 pos = offset + done;
      guint index = pos / self->chunk_len;
      guint64 within = pos % self->chunk_len;
      guint64 n;

      if (!load_chunk (self, index, error))
        return NULL;
      n = MIN ((guint64)size - done, self->chunk_size - within);
      if (n == 0)
        return malformed (error, self->path, pos, _("a compressed chunk is damaged")), NULL;
      memcpy (out + done, self->chunk + within, n);
      done += n;
    }
  return g_steal_pointer (&out);
}

void
_banso_dict_data_free (BansoDictData *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->z_ready)
    inflateEnd (&self->z);
  g_free (self->chunk_offsets);
  g_free (self->in_buf);
  g_free (self->chunk);
  g_free (self->path);
  g_free (self);
}
