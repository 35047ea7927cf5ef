"""Django's Redis cache backend, with one client object per server.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every
operation over the same connection pool; redis-py 8 fills some 170 response
callbacks when it builds one, about 180 µs of CPU each time, and a kept page
takes two operations. A `redis.Redis` is safe to share between threads (its
pool hands each command a connection), so it is built once per server here;
everything else is Django's own backend.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        django: Any = self  # Django's own attributes, which its stubs leave out
        index = django._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in django._pools:
                django._pools[index] = django._pool_class.from_url(
                    django._servers[index], **django._pool_options
                )
            client = django._client(connection_pool=django._pools[index])
            self._clients[index] = client
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
