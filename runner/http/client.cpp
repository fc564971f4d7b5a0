#include "http/client.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <new>
#include <thread>

#include "http/url.hpp"
#include "text/ascii_case.hpp"

namespace conform::http {
namespace {

Finding transport_finding(std::string message) {
  Finding finding;
  finding.keyword = "transport";
  finding.message = std::move(message);
  return finding;
}

std::string describe_error(httplib::Error error, const std::string& origin,
                           const ClientOptions& options) {
  switch (error) {
    case httplib::Error::Connection:
      return "cannot connect to " + origin + ": check that the server runs and the URL is right";
    case httplib::Error::ConnectionTimeout:
      return "connecting to " + origin + " timed out after " +
             std::to_string(options.connect_timeout_ms) + " ms";
    case httplib::Error::Read:
      return "no complete response from " + origin + " (connection closed, or no answer within " +
             std::to_string(options.read_timeout_ms) + " ms)";
    case httplib::Error::Write:
      return "the connection to " + origin + " broke while sending the request";
    case httplib::Error::SSLConnection:
      return "TLS handshake with " + origin + " failed: is it an HTTPS server?";
    case httplib::Error::SSLLoadingCerts:
      return "cannot load the CA certificates" +
             (options.ca_cert_file.empty() ? std::string() : " from " + options.ca_cert_file);
    case httplib::Error::SSLServerVerification:
      return "the certificate of " + origin + " is not trusted: " + options.untrusted_advice;
    default:
      return "request to " + origin + " failed: " + httplib::to_string(error);
  }
}

// Connection-level failures worth another attempt; TLS trust failures are not.
bool retryable(httplib::Error error) {
  return error == httplib::Error::Connection || error == httplib::Error::ConnectionTimeout ||
         error == httplib::Error::Read || error == httplib::Error::Write;
}

using Clock = std::chrono::steady_clock;

// A response body that grows with realloc (mremap for large blocks): std::string's doubling
// copies kept about twice the limit resident for a body that ran into it (530 MB for 256M).
class BodyBuffer {
 public:
  BodyBuffer() = default;
  ~BodyBuffer() { std::free(data_); }
  BodyBuffer(const BodyBuffer&) = delete;
  BodyBuffer& operator=(const BodyBuffer&) = delete;

  // False, keeping nothing more, when the body would grow past `limit`.
  bool append(const char* bytes, std::size_t count, std::size_t limit) {
    if (size_ + count > limit) return false;
    if (size_ + count > capacity_) {
      const std::size_t wanted = std::min(std::max(2 * capacity_, size_ + count), limit);
      char* larger = static_cast<char*>(std::realloc(data_, std::max<std::size_t>(wanted, 1)));
      if (larger == nullptr) throw std::bad_alloc();
      data_ = larger;
      capacity_ = wanted;
    }
    std::memcpy(data_ + size_, bytes, count);
    size_ += count;
    return true;
  }
  void clear() { size_ = 0; }
  std::string text() const { return size_ == 0 ? std::string() : std::string(data_, size_); }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// How often an idle watchdog looks at the interrupt flag, and the slice a back-off sleeps in.
constexpr std::chrono::milliseconds kPoll{50};

}  // namespace

// Stops the request in flight (httplib::Client::stop() is safe from another thread) when its
// deadline passes or the run is interrupted. Arming wakes the watchdog's thread only when it
// sleeps past the new deadline: while requests follow each other it wakes every kPoll, not
// twice per request (a thread switch per exchange doubled the proxy's latency).
class Client::Watchdog {
 public:
  enum class Fired { no, deadline, interrupted };

  explicit Watchdog(const std::atomic<bool>* interrupted)
      : interrupted_(interrupted), thread_([this] { watch(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  void arm(httplib::Client* client, Clock::time_point deadline) {
    bool sleeps_past_deadline = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      client_ = client;
      deadline_ = deadline;
      fired_ = Fired::no;
      armed_lately_ = true;
      sleeps_past_deadline = wakes_at_ > deadline;
    }
    if (sleeps_past_deadline) wake_.notify_all();
  }

  Fired disarm() {
    std::lock_guard<std::mutex> lock(mutex_);
    client_ = nullptr;
    return fired_;
  }

 private:
  void watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!quit_) {
      if (!client_ && !armed_lately_) {
        wakes_at_ = Clock::time_point::max();
        wake_.wait(lock);
        continue;
      }
      // Armed since the last wake: the next request is likely close, so keep polling.
      armed_lately_ = false;
      wakes_at_ = Clock::now() + kPoll;
      if (client_) wakes_at_ = std::min(deadline_, wakes_at_);
      wake_.wait_until(lock, wakes_at_);
      if (!client_) continue;
      if (interrupted_ && interrupted_->load()) {
        fired_ = Fired::interrupted;
      } else if (Clock::now() >= deadline_) {
        fired_ = Fired::deadline;
      } else {
        continue;
      }
      client_->stop();
      client_ = nullptr;
    }
  }

  const std::atomic<bool>* interrupted_;
  std::mutex mutex_;
  std::condition_variable wake_;
  httplib::Client* client_ = nullptr;
  Clock::time_point deadline_;
  // When the thread wakes next on its own (max: only when notified).
  Clock::time_point wakes_at_ = Clock::time_point::max();
  bool armed_lately_ = false;
  Fired fired_ = Fired::no;
  bool quit_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

std::string Response::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (text::equals_ignoring_case(key, name)) return value;
  }
  return {};
}

long parse_retry_after_ms(const std::string& value) {
  if (value.empty()) return -1;
  char* end = nullptr;
  const long seconds = std::strtol(value.c_str(), &end, 10);
  if (end != value.c_str() && *end == '\0') return seconds < 0 ? -1 : seconds * 1000;
  std::tm tm{};
  if (strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm) == nullptr) return -1;
  const std::time_t when = timegm(&tm);
  const std::time_t now = std::time(nullptr);
  return when <= now ? 0 : static_cast<long>(when - now) * 1000;
}

Client::Client(ClientOptions options)
    : options_(std::move(options)), watchdog_(std::make_unique<Watchdog>(options_.interrupted)) {}

bool Client::interrupted() const { return options_.interrupted && options_.interrupted->load(); }
Client::~Client() = default;

httplib::Client* Client::connection(const std::string& origin, Findings& findings) {
  auto& slot = connections_[origin];
  if (slot) return slot.get();
  auto client = std::make_unique<httplib::Client>(origin);
  if (!client->is_valid()) {
    findings.push_back(transport_finding("cannot use " + origin + " as a target"));
    connections_.erase(origin);
    return nullptr;
  }
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);  // with keep-alive, Nagle stalls every response ~40 ms
  client->set_connection_timeout(options_.connect_timeout_ms / 1000,
                                 (options_.connect_timeout_ms % 1000) * 1000);
  client->set_read_timeout(options_.read_timeout_ms / 1000,
                           (options_.read_timeout_ms % 1000) * 1000);
  client->set_write_timeout(options_.read_timeout_ms / 1000,
                            (options_.read_timeout_ms % 1000) * 1000);
  if (!options_.ca_cert_file.empty()) client->set_ca_cert_path(options_.ca_cert_file);
  client->enable_server_certificate_verification(!options_.insecure);
  slot = std::move(client);
  return slot.get();
}

Response Client::send(const Request& request) {
  Response response;
  const auto url = parse_url(request.url);
  if (!url) {
    response.findings.push_back(
        transport_finding("\"" + request.url + "\" is not an absolute http or https URL"));
    return response;
  }
  httplib::Client* client = connection(url->origin(), response.findings);
  if (!client) return response;

  httplib::Request raw;
  raw.method = request.method;
  raw.path = url->target;
  for (const auto& [name, value] : request.headers) raw.headers.emplace(name, value);
  raw.body = request.body;
  BodyBuffer body;
  bool too_large = false;
  raw.content_receiver = [&](const char* data, std::size_t size, std::uint64_t,
                             std::uint64_t declared) {
    // A declared length over the limit is refused before its first byte is kept.
    if (declared > options_.max_response_bytes ||
        !body.append(data, size, options_.max_response_bytes)) {
      too_large = true;
      return false;
    }
    return true;
  };

  long backoff_ms = options_.backoff_ms;
  for (int attempt = 0;; ++attempt) {
    if (interrupted()) {
      response.status = 0;
      response.findings.assign(1, transport_finding("interrupted before the request was sent"));
      break;
    }
    if (options_.rate_limiter) options_.rate_limiter->acquire();
    response.attempts = attempt + 1;
    const auto started = Clock::now();
    body.clear();
    too_large = false;
    watchdog_->arm(client, started + std::chrono::milliseconds(options_.exchange_timeout_ms));
    httplib::Result result = client->send(raw);
    const Watchdog::Fired fired = watchdog_->disarm();
    response.duration_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - started).count();

    long wait_ms = backoff_ms;
    bool again = false;
    if (result) {
      response.status = result->status;
      response.headers.clear();
      for (const auto& [name, value] : result->headers) response.headers.emplace_back(name, value);
      response.body = body.text();
      response.findings.clear();
      if (result->status == 429 || result->status == 503) {
        again = true;
        if (const long after = parse_retry_after_ms(result->get_header_value("Retry-After"));
            after >= 0) {
          wait_ms = after;
        }
      }
    } else {
      response.status = 0;
      response.headers.clear();
      response.body.clear();
      std::string why = describe_error(result.error(), url->origin(), options_);
      if (too_large) {
        why = "the response from " + url->origin() + " is larger than " +
              std::to_string(options_.max_response_bytes) +
              " bytes: raise the limit with --limit body-bytes=SIZE";
      } else if (fired == Watchdog::Fired::deadline) {
        why = "no complete response from " + url->origin() + " within " +
              std::to_string(options_.exchange_timeout_ms) + " ms (--timeout)";
      } else if (fired == Watchdog::Fired::interrupted) {
        why = "interrupted while waiting for " + url->origin();
      }
      response.findings.assign(1, transport_finding(why));
      again = retryable(result.error()) && !too_large && fired == Watchdog::Fired::no;
      // A broken keep-alive connection must not poison the next attempt.
      client->stop();
    }
    if (!again || attempt >= options_.retries) break;
    // The back-off sleeps in slices, so an interrupt ends it at once.
    const auto wake =
        Clock::now() + std::chrono::milliseconds(std::min<long>(wait_ms, options_.max_backoff_ms));
    while (!interrupted() && Clock::now() < wake) {
      std::this_thread::sleep_for(std::min<Clock::duration>(kPoll, wake - Clock::now()));
    }
    backoff_ms = std::min<long>(backoff_ms * 2, options_.max_backoff_ms);
  }
  return response;
}

}  // namespace conform::http
