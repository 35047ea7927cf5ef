"""Staff keep the shared dictionary of indicators and can correct any value."""

from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from actionplan.models import BenchmarkIndicator, BenchmarkValue


@admin.register(BenchmarkIndicator)
class BenchmarkIndicatorAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "unit", "direction", "frequency", "order")
    list_editable = ("order",)
    list_filter = ("direction", "frequency")
    search_fields = ("name_it", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(BenchmarkValue)
class BenchmarkValueAdmin(admin.ModelAdmin[BenchmarkValue]):
    list_display = ("indicator", "partner", "year", "value", "source", "recorded_at")
    list_filter = ("indicator", "partner", "year")
    list_select_related = ("indicator", "partner")
    autocomplete_fields = ("indicator",)
    readonly_fields = ("recorded_by", "recorded_at")
