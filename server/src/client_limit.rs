//! The per-client limit on public form posts, with memory that stays bounded under a flood of
//! distinct addresses.

use governor::{clock::Clock, clock::DefaultClock, DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::{net::IpAddr, num::NonZeroU32, time::Duration};

/// Clients remembered at most. Each entry is a few dozen bytes, so this caps the table at a few
/// megabytes whatever arrives.
pub const DEFAULT_MAX_CLIENTS: usize = 100_000;

pub struct ClientLimit {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    max_clients: usize,
}

impl ClientLimit {
    /// `per_minute` posts per client, with a burst of the same size.
    pub fn per_minute(per_minute: u32, max_clients: usize) -> Self {
        let per_minute = NonZeroU32::new(per_minute.max(1)).expect("at least 1");
        Self {
            limiter: RateLimiter::keyed(Quota::per_minute(per_minute)),
            max_clients: max_clients.max(1),
        }
    }

    /// `Ok` when `client` may post now, else how long it should wait.
    ///
    /// When the table is full, clients whose bucket has refilled are forgotten first (they are
    /// no different from new ones). If it is still full, every client in it is mid-burst: a new
    /// one is asked to wait rather than let the table grow without end.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        if self.limiter.len() >= self.max_clients {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
            if self.limiter.len() >= self.max_clients {
                return Err(Duration::from_secs(1));
            }
        }
        self.limiter
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    /// Clients currently remembered.
    pub fn len(&self) -> usize {
        self.limiter.len()
    }

    pub fn is_empty(&self) -> bool {
        self.limiter.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv6Addr;

    #[test]
    fn a_client_gets_its_burst_and_then_waits() {
        let limit = ClientLimit::per_minute(3, 100);
        let ada: IpAddr = [198, 51, 100, 7].into();
        for _ in 0..3 {
            assert!(limit.check(ada).is_ok());
        }
        assert!(limit.check(ada).is_err());
        assert!(
            limit.check([198, 51, 100, 8].into()).is_ok(),
            "others are not affected"
        );
    }

    #[test]
    fn a_flood_of_distinct_addresses_holds_bounded_memory() {
        let limit = ClientLimit::per_minute(30, 1_000);
        let mut refused = 0;
        for n in 0..200_000u32 {
            let ip = IpAddr::V6(Ipv6Addr::new(
                0x2001,
                0xdb8,
                (n >> 16) as u16,
                n as u16,
                0,
                0,
                0,
                1,
            ));
            if limit.check(ip).is_err() {
                refused += 1;
            }
        }
        assert!(limit.len() <= 1_000, "{} clients remembered", limit.len());
        assert!(
            refused > 0,
            "newcomers wait while the table is full of busy clients"
        );
    }
}
