// engine/sql/types/numeric_digits.hpp
//
// NumericDigits is the digit buffer of a numeric value: base-10000 digits, most
// significant first, each in [0, 9999]. Up to kInline digits (32 decimal digits)
// live inside the object, so typical values (prices, counters, sums) never touch
// the heap; longer values spill to one heap array. Internal to numeric*.cpp.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

namespace basalt::engine::sql {

using NumericDigit = int16_t;

class NumericDigits {
 public:
  static constexpr int kInline = 8;

  NumericDigits() = default;
  NumericDigits(const NumericDigits& o) { Assign(o.data(), o.size_); }
  NumericDigits(NumericDigits&& o) noexcept { MoveFrom(o); }
  NumericDigits& operator=(const NumericDigits& o) {
    if (this != &o) Assign(o.data(), o.size_);
    return *this;
  }
  NumericDigits& operator=(NumericDigits&& o) noexcept {
    if (this != &o) MoveFrom(o);
    return *this;
  }

  int size() const { return size_; }
  bool empty() const { return size_ == 0; }
  NumericDigit* data() { return heap_ ? heap_.get() : inline_; }
  const NumericDigit* data() const { return heap_ ? heap_.get() : inline_; }
  NumericDigit& operator[](int i) { return data()[i]; }
  NumericDigit operator[](int i) const { return data()[i]; }

  void clear() { size_ = 0; }
  // Resizes; new digits are zero.
  void resize(int n) {
    Reserve(n);
    if (n > size_) std::memset(data() + size_, 0, sizeof(NumericDigit) * (n - size_));
    size_ = n;
  }
  void push_back(NumericDigit d) {
    Reserve(size_ + 1);
    data()[size_++] = d;
  }
  void push_front(NumericDigit d) {
    Reserve(size_ + 1);
    NumericDigit* p = data();
    std::memmove(p + 1, p, sizeof(NumericDigit) * size_);
    p[0] = d;
    ++size_;
  }
  // Drops the first n digits.
  void erase_front(int n) {
    NumericDigit* p = data();
    std::memmove(p, p + n, sizeof(NumericDigit) * (size_ - n));
    size_ -= n;
  }
  void Assign(const NumericDigit* src, int n) {
    size_ = 0;
    Reserve(n);
    if (n > 0) std::memmove(data(), src, sizeof(NumericDigit) * n);
    size_ = n;
  }

 private:
  void Reserve(int n) {
    if (n <= capacity_) return;
    int cap = std::max(n, capacity_ * 2);
    auto fresh = std::make_unique<NumericDigit[]>(cap);
    if (size_ > 0) std::memcpy(fresh.get(), data(), sizeof(NumericDigit) * size_);
    heap_ = std::move(fresh);
    capacity_ = cap;
  }
  void MoveFrom(NumericDigits& o) {
    if (o.heap_) {
      heap_ = std::move(o.heap_);
      capacity_ = o.capacity_;
    } else {
      heap_.reset();
      capacity_ = kInline;
      std::memcpy(inline_, o.inline_, sizeof(NumericDigit) * o.size_);
    }
    size_ = o.size_;
    o.size_ = 0;
    o.capacity_ = kInline;
  }

  int size_ = 0;
  int capacity_ = kInline;
  NumericDigit inline_[kInline];
  std::unique_ptr<NumericDigit[]> heap_;
};

}  // namespace basalt::engine::sql
