// Seal images for the OFD writer (see seal_image.h; docs/ofd.md §4).
#include "ofd/seal_image.h"

#include <png.h>
// jpeglib.h needs size_t and FILE declared before it.
#include <cstddef>
#include <cstdio>
#include <jpeglib.h>

#include <algorithm>
#include <csetjmp>
#include <stdexcept>

#include "core/image_info.h"

namespace wenshu::ofd {

namespace {

const unsigned char* data_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool too_large(unsigned width, unsigned height, std::string& why) {
  if (width == 0 || height == 0 || std::uint64_t(width) * height > core::kMaxImagePixels) {
    why = "图像尺寸为零或过大 / the image is empty or larger than the limit";
    return true;
  }
  return false;
}

std::optional<Rgba> decode_png(std::string_view bytes, std::string& why) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    why = std::string("PNG: ") + image.message;
    return std::nullopt;
  }
  image.format = PNG_FORMAT_RGBA;
  if (too_large(image.width, image.height, why)) {
    png_image_free(&image);
    return std::nullopt;
  }
  Rgba out{image.width, image.height, std::string(PNG_IMAGE_SIZE(image), '\0')};
  if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
    why = std::string("PNG: ") + image.message;
    png_image_free(&image);
    return std::nullopt;
  }
  return out;
}

/// libjpeg reports fatal errors through error_exit, which must not return: back to the setjmp
/// in decode_jpeg (no C++ object lives in the frames it jumps over).
struct JpegErrors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jpeg_fail(j_common_ptr c) {
  auto* errors = reinterpret_cast<JpegErrors*>(c->err);
  (*c->err->format_message)(c, errors->message);
  std::longjmp(errors->jump, 1);
}

void jpeg_quiet(j_common_ptr, int) {}  // warnings of a damaged file: the error decides

bool decode_jpeg_into(std::string_view bytes, Rgba& out, std::string& why) {
  jpeg_decompress_struct cinfo;
  JpegErrors errors;
  cinfo.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = jpeg_fail;
  errors.mgr.emit_message = jpeg_quiet;
  errors.message[0] = '\0';
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&cinfo);
    why = std::string("JPEG: ") + errors.message;
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data_of(bytes), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = JCS_EXT_RGBA;  // libjpeg-turbo: RGBA out, alpha 255
  if (too_large(cinfo.image_width, cinfo.image_height, why)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_start_decompress(&cinfo);
  out.width = cinfo.output_width;
  out.height = cinfo.output_height;
  out.pixels.assign(std::size_t(out.width) * out.height * 4, '\0');
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = reinterpret_cast<JSAMPROW>(out.pixels.data() + std::size_t(cinfo.output_scanline) * out.width * 4);
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return true;
}

}  // namespace

std::optional<Rgba> decode_image(std::string_view bytes, std::string& why) {
  const auto info = core::probe_image(bytes, why);
  if (!info) return std::nullopt;
  if (info->format == core::ImageInfo::Format::kPng) return decode_png(bytes, why);
  Rgba out;
  if (!decode_jpeg_into(bytes, out, why)) return std::nullopt;
  return out;
}

void alpha_from_luminance(Rgba& image) {
  for (std::size_t at = 0; at + 3 < image.pixels.size(); at += 4) {
    auto* px = reinterpret_cast<unsigned char*>(image.pixels.data() + at);
    // Over white paper first: p = a·c + (255 − a)·255, per channel (the pixel as printed).
    const unsigned a0 = px[3];
    unsigned p[3];
    for (int i = 0; i < 3; ++i) p[i] = (px[i] * a0 + 255 * (255 - a0) + 127) / 255;
    const unsigned luma = (299 * p[0] + 587 * p[1] + 114 * p[2] + 500) / 1000;  // Rec. 601, 0-255
    const unsigned alpha = 255 - std::min(luma, 255u);
    if (alpha == 0) {
      px[0] = px[1] = px[2] = px[3] = 0;
      continue;
    }
    // The colour c with alpha·c + (255 − alpha)·255 = p·255, rounded and clamped.
    for (int i = 0; i < 3; ++i) {
      const int c = (static_cast<int>(p[i]) - static_cast<int>(255 - alpha)) * 255;
      px[i] = static_cast<unsigned char>(std::clamp((c + static_cast<int>(alpha) / 2) / static_cast<int>(alpha), 0, 255));
    }
    px[3] = static_cast<unsigned char>(alpha);
  }
}

std::string encode_png(const Rgba& image) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = image.width;
  png.height = image.height;
  png.format = PNG_FORMAT_RGBA;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&png, nullptr, &size, 0, image.pixels.data(), 0, nullptr))
    throw std::runtime_error(std::string("libpng: ") + png.message);
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&png, out.data(), &size, 0, image.pixels.data(), 0, nullptr))
    throw std::runtime_error(std::string("libpng: ") + png.message);
  out.resize(size);
  return out;
}

std::optional<std::string> transparent_seal(std::string_view bytes, std::string& why) {
  auto image = decode_image(bytes, why);
  if (!image) return std::nullopt;
  alpha_from_luminance(*image);
  try {
    return encode_png(*image);
  } catch (const std::exception& e) {
    why = e.what();
    return std::nullopt;
  }
}

}  // namespace wenshu::ofd
