#include "core/image_info.h"

#include <fmt/format.h>

#include "core/file_io.h"

namespace wenshu::core {

namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

std::uint32_t be16(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1]));
}

std::optional<ImageInfo> probe_png(std::string_view b, std::string& error) {
  // Signature (8), IHDR length (4) and type (4), width (4), height (4): ISO/IEC 15948 5.2, 11.2.2.
  if (b.size() < 33 || b.substr(12, 4) != "IHDR") {
    error = "PNG 文件头不完整 / truncated PNG header";
    return std::nullopt;
  }
  ImageInfo info{ImageInfo::Format::kPng, be32(b, 16), be32(b, 20)};
  if (info.width == 0 || info.height == 0) {
    error = "PNG 图像尺寸为零 / PNG image of size zero";
    return std::nullopt;
  }
  return info;
}

std::optional<ImageInfo> probe_jpeg(std::string_view b, std::string& error) {
  // Markers after SOI until a start-of-frame (T.81 B.1.1.3, B.2.2): SOF0..SOF15 except DHT
  // (C4), JPG (C8) and DAC (CC).
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) break;
    const unsigned marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      at += 2;
      continue;
    }
    const std::uint32_t length = be16(b, at + 2);
    if (length < 2) break;
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (at + 9 > b.size()) break;
      ImageInfo info{ImageInfo::Format::kJpeg, be16(b, at + 7), be16(b, at + 5)};
      if (info.width == 0 || info.height == 0) {
        error = "JPEG 图像尺寸为零 / JPEG image of size zero";
        return std::nullopt;
      }
      return info;
    }
    if (marker == 0xDA || marker == 0xD9) break;  // scan data or end before any frame header
    at += 2 + length;
  }
  error = "JPEG 文件缺少帧头 / JPEG file without a frame header";
  return std::nullopt;
}

}  // namespace

std::optional<ImageInfo> probe_image(std::string_view bytes, std::string& error) {
  static constexpr std::string_view kPng("\x89PNG\r\n\x1a\n", 8);
  std::optional<ImageInfo> info;
  if (bytes.size() >= 8 && bytes.substr(0, 8) == kPng) {
    info = probe_png(bytes, error);
  } else if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
             static_cast<unsigned char>(bytes[1]) == 0xD8 && static_cast<unsigned char>(bytes[2]) == 0xFF) {
    info = probe_jpeg(bytes, error);
  } else {
    error = "不是 PNG 或 JPEG 图像 / not a PNG or JPEG image";
  }
  if (info && std::uint64_t(info->width) * info->height > kMaxImagePixels) {
    error = fmt::format("图像 {} × {} 像素，超过上限 {} 像素（未解码即拒绝） / image of {} x {} pixels is larger than "
                        "the limit of {} pixels (refused before decoding)",
                        info->width, info->height, kMaxImagePixels, info->width, info->height, kMaxImagePixels);
    return std::nullopt;
  }
  return info;
}

std::optional<ImageInfo> probe_image_file(const std::string& path, std::string& error) {
  std::string head;
  try {
    head = read_head(path, std::size_t(1) << 20);  // a regular file only: never a FIFO or device
  } catch (const std::exception& e) {
    error = "无法读取图像文件 / cannot read the image file: " + std::string(e.what());
    return std::nullopt;
  }
  return probe_image(head, error);
}

}  // namespace wenshu::core
