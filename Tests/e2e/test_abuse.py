"""What a stranger can make the server spend without an account, measured on the running server."""
import socket
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def post_to_made_up_link(port, size):
    """A 40 MB multipart upload to a photo link that was never issued, sent as fast as loopback goes;
    returns the status line, or None when the server closed the connection before the body ended."""
    boundary = "----amparo-abuse"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"a.jpg\"\r\n"
            "Content-Type: image/jpeg\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    length = len(head) + size + len(tail)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall((f"POST /report/photos/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\n\r\n").encode() + head)
        chunk = b"\xff" * (1 << 20)
        try:
            for _ in range(size >> 20):
                connection.sendall(chunk)
            connection.sendall(tail)
        except OSError:
            pass
        try:
            return connection.recv(64).split(b"\r\n")[0].decode() or None
        except OSError:
            return None


def test_sixty_uploads_to_a_made_up_photo_link_cost_the_server_little(server):
    port = int(server.base.rsplit(":", 1)[1])
    before = peak_rss_mb(server.process.pid)
    started = time.time()
    with ThreadPoolExecutor(max_workers=60) as pool:
        answers = list(pool.map(lambda _: post_to_made_up_link(port, 40 << 20), range(60)))
    elapsed = time.time() - started
    after = peak_rss_mb(server.process.pid)
    print(f"60 x 40 MB to a made-up link: peak RSS {before:.0f} MB before, {after:.0f} MB after, {elapsed:.1f} s, answers {set(answers)}")
    assert all(a is None or " 404 " in a + " " for a in answers), answers
    assert after < 200, f"the server reached {after:.0f} MB"
    with urllib.request.urlopen(server.base + "/healthz", timeout=5) as health:
        assert health.status == 200


def test_slow_connections_from_one_address_leave_healthz_answering(server):
    """A stranger opens thousands of connections and trickles header lines (the slowloris attack that
    used every file descriptor): one address holds at most 256, each is answered 408 once its first
    headers are 10 s late, and /healthz from another address answers throughout."""
    port = int(server.base.rsplit(":", 1)[1])
    slow = []
    for _ in range(3000):
        connection = socket.socket()
        try:
            connection.bind(("127.0.0.2", 0))
            connection.connect(("127.0.0.1", port))
            connection.send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            slow.append(connection)
        except OSError:
            connection.close()
    latencies = []
    for _ in range(100):
        started = time.time()
        with urllib.request.urlopen(server.base + "/healthz", timeout=5) as health:
            assert health.status == 200
        latencies.append(time.time() - started)
    latencies.sort()

    def still_held(connection):
        connection.setblocking(False)
        try:
            return connection.recv(256) != b""
        except BlockingIOError:
            return True
        except OSError:
            return False

    time.sleep(2)
    held = [c for c in slow if still_held(c)]
    print(f"3000 slow connections: {len(held)} held, /healthz p50 {latencies[50] * 1000:.1f} ms, p99 {latencies[98] * 1000:.1f} ms")
    assert 0 < len(held) <= 256, len(held)
    assert latencies[98] < 0.5, latencies[98]
    for connection in held:
        connection.send(b"X-Trickle: 1\r\n")
    time.sleep(10)
    answers = []
    for connection in held:
        connection.setblocking(True)
        connection.settimeout(2)
        try:
            answers.append(connection.recv(256).split(b"\r\n")[0])
        except OSError:
            answers.append(b"")
    assert all(a == b"HTTP/1.1 408 Request Timeout" for a in answers), set(answers)
    for connection in slow:
        connection.close()
    with urllib.request.urlopen(server.base + "/healthz", timeout=5) as health:
        assert health.status == 200
