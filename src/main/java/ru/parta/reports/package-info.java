/**
 * Coverage ("Подключение"): how many rostered people of a unit and its subtree are activated, connected (in every
 * generated chat their roles require) and active in the last 7 days, per role, per sub-unit, with the list of who is
 * not connected, daily snapshots and an XLSX export. Reads organisations, chats and accounts tables; never shows
 * per-person message counts. {@link ru.parta.reports.Coverage#report} returns a plain {@link
 * ru.parta.reports.CoverageReport} for other renderers (PDF).
 */
package ru.parta.reports;
