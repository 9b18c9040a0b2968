"""Which address the limits count: behind `make serve`'s nginx (every connection from 127.0.0.1, which
Streamlit reports as no address at all) the hop nginx added; a direct connection's own address, whatever
header it sends; a browser on the server's own machine, none."""

from ui.workspace import address_of


def test_behind_our_nginx_the_forwarded_hop_counts():
    assert address_of(None, "203.0.113.9") == "203.0.113.9"  # Streamlit: None for 127.0.0.1 and ::1
    assert address_of(None, "10.9.9.9, 203.0.113.9") == "203.0.113.9"  # a forged first hop is ignored
    assert address_of("::ffff:127.0.0.1", "203.0.113.9") == "203.0.113.9"
    assert address_of("127.0.0.1", "198.51.100.4") == "198.51.100.4"


def test_a_direct_connection_counts_as_itself_whatever_it_claims():
    assert address_of("198.51.100.7", "203.0.113.9") == "198.51.100.7"
    assert address_of("2001:db8::1", None) == "2001:db8::1"


def test_a_browser_on_the_servers_own_machine_is_not_counted():
    assert address_of(None, None) is None
    assert address_of("::1", "") is None
