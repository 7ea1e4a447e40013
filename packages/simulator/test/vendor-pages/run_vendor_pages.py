"""Runs the vendor guide pages' own Python against a running simulator.

The code inside each `page_step(...)` string is copied from the vendor pages in shared/reference/doc-pages,
unchanged: only the values the pages take from the reader (base URL, credentials, tenant) come from the
simulator. Where a page shows an interactive check (`>>> response.status_code` then `200`), the harness asserts it.
Usage: python3 run_vendor_pages.py <data center URL> <client id> <client secret>
"""
import json
import pprint
import sys
import time

import requests

dc_url, client_id, client_secret = sys.argv[1:4]
namespace = {"json": json, "pprint": pprint, "requests": requests}
results = []


def page_step(page, code, expect_status=None):
    exec(code, namespace)
    if expect_status is not None:
        response = namespace["response"]
        assert response.status_code == expect_status, f"{page}: {response.status_code} {response.text}"
    results.append(page)
    print(f"STEP {page}", flush=True)


# "Authenticate to the cloud platform via the Python shell": the variables the pages start from.
base_url = f"{dc_url}/api/2"
token = requests.post(
    f"{base_url}/idp/token",
    headers={"Content-Type": "application/x-www-form-urlencoded"},
    data={"grant_type": "client_credentials"},
    auth=(client_id, client_secret),
)
assert token.status_code == 200, token.text
auth = {"Authorization": "Bearer " + token.json()["access_token"]}
tenant_id = requests.get(f"{base_url}/clients/{client_id}", headers=auth).json()["tenant_id"]
namespace.update(base_url=base_url, auth=auth, tenant_id=tenant_id)

# --- creating-a-usage-report.txt
page_step("usage report: define", '''
report_data = {
    "recipients": [
        "ca451758-b48a-45d9-9ae6-8f1059f67619",
        "ab00e527-219b-481b-b01b-311b5be0ed3c"
    ],
    "parameters": {
        "kind": "usage_summary",
        "tenant_id": tenant_id,
        "level": "accounts",
        "period": {
            "start": "2017-05-01",
            "end": "2017-05-07"
        },
        "formats": [
            "csv",
            "html"
        ]
    },
    "schedule": {
        "type": "once"
    },
    "generation_date": "2017-05-08",
    "result_action": "send"
}
report_data = json.dumps(report_data, indent=4)
print(report_data)
''')
page_step("usage report: create", '''
response = requests.post(
    f'{base_url}/reports',
    headers={'Content-Type': 'application/json', **auth},
    data=report_data,
)
pprint.pprint(response.json())
report_id = response.json()['id']
version = response.json()['version']
''', 200)
assert namespace["version"] == 1
usage_report_generation_date = namespace["response"].json()["generation_date"]
created_report_id = namespace["report_id"]
namespace["created_report_id"] = created_report_id

# --- fetching-a-usage-report.txt
page_step("fetch report", '''
report_id = created_report_id
response = requests.get(f'{base_url}/reports/{report_id}', headers=auth)
pprint.pprint(response.json())
report_id = response.json()['id']
version = response.json()['version']
''', 200)
assert namespace["report_id"] == created_report_id

# --- creating-a-billing-report.txt
page_step("billing report: define", '''
report_data = {
    "parameters": {
        "kind": "usage_summary",
        "tenant_id": tenant_id,
        "level": "direct_partners",
        "kind": "usage_summary",
        "period": {
            "start": "2017-05-01",
            "end": "2017-05-07"
        },
        "formats": [
            "csv_v2_0",
            "json_v2_0"
        ],
        "hide_zero_usage": True,
        "show_skus": True
    },
    "schedule": {
        "type": "once"
    },
    "result_action": "save"
}
report_data = json.dumps(report_data, indent=4)
''')
page_step("billing report: create", '''
response = requests.post(
    f'{base_url}/reports',
    headers={'Content-Type': 'application/json', **auth},
    data=report_data,
)
pprint.pprint(response.json())
report_id = response.json()['id']
''', 200)

# The page: "It is recommended to implement polling mechanism until all reports are saved." A reader repeats the
# list request; so does the harness, with the page's own request.
list_step = '''
response = requests.get(f'{base_url}/reports/{report_id}/stored', headers=auth)
'''
def poll_until_saved(count):
    for _ in range(200):
        exec(list_step, namespace)
        items = namespace["response"].json()["items"]
        if len(items) == count and all(item["status"] == "saved" for item in items):
            return
        time.sleep(0.1)
    raise AssertionError("stored reports were not saved in time")

def prepare_report(body):
    """A report the next page starts from, made by the harness (the page assumes the reader has one)."""
    created = requests.post(f"{base_url}/reports", headers={"Content-Type": "application/json", **auth}, json=body)
    assert created.status_code == 200, created.text
    namespace["report_id"] = created.json()["id"]

poll_until_saved(2)
page_step("billing report: list stored", list_step + '''
pprint.pprint(response.json())
''', 200)
page_step("billing report: download csv_v2_0", '''
stored_reports = response.json()['items']
stored_report_id = [stored_report['id'] for stored_report in stored_reports if stored_report['report_format'] == 'csv_v2_0' and stored_report['status'] == 'saved'][-1]
response = requests.get(f'{base_url}/reports/{report_id}/stored/{stored_report_id}', headers=auth)
stored_report_data = response.text
''', 200)
billing_csv = namespace["stored_report_data"]
page_step("billing report: download json_v2_0", '''
stored_report_id = [stored_report['id'] for stored_report in stored_reports if stored_report['report_format'] == 'json_v2_0' and stored_report['status'] == 'saved'][-1]
response = requests.get(f'{base_url}/reports/{report_id}/stored/{stored_report_id}', headers=auth)
stored_report_data = response.json()
''', 200)
billing_json = namespace["stored_report_data"]

# --- fetching-stored-reports.txt: a stored report like the page's, with csv, json_v1, csv_v2_0 and json_v2_0.
prepare_report({
    "parameters": {"kind": "usage_summary", "tenant_id": tenant_id, "level": "all_customers",
                   "formats": ["csv", "json_v1", "csv_v2_0", "json_v2_0"]},
    "schedule": {"type": "once"}, "result_action": "save"})
poll_until_saved(4)
page_step("stored reports: list", list_step + '''
pprint.pprint(response.json())
''', 200)
page_step("stored reports: download csv", '''
stored_reports = response.json()['items']
stored_report_id = [stored_report['id'] for stored_report in stored_reports if stored_report['report_format'] == 'csv' and stored_report['status'] == 'saved'][-1]
response = requests.get(f'{base_url}/reports/{report_id}/stored/{stored_report_id}', headers=auth)
stored_report_data = response.text
''', 200)
stored_csv = namespace["stored_report_data"]

# --- updating-a-usage-report.txt: only scheduled reports can be updated, so the report to update is monthly.
prepare_report({
    "recipients": ["ca451758-b48a-45d9-9ae6-8f1059f67619", "ab00e527-219b-481b-b01b-311b5be0ed3c"],
    "parameters": {"kind": "usage_summary", "tenant_id": tenant_id, "level": "accounts", "formats": ["csv", "html"]},
    "schedule": {"type": "monthly"}, "result_action": "send"})
page_step("update report", '''
report_data = {
    "recipients": [
        "ca451758-b48a-45d9-9ae6-8f1059f67619"
    ],
    "parameters": {
        "kind": "usage_current",
        "level": "direct_partners"
    }
}
report_data = json.dumps(report_data, indent=4)
print(report_data)
response = requests.put(
    f'{base_url}/reports/{report_id}',
    headers={'Content-Type': 'application/json', **auth},
    data=report_data,
)
pprint.pprint(response.json())
''', 200)
updated = namespace["response"].json()

# "Store the UUID and revision number of the report, in case if you need to delete it"
deleted = requests.delete(f"{base_url}/reports/{created_report_id}", params={"version": 1}, headers=auth)
assert deleted.status_code == 204, deleted.text

print("RESULT " + json.dumps({
    "steps": results,
    "usage_report_generation_date": usage_report_generation_date,
    "billing_csv_header": billing_csv.splitlines()[0],
    "billing_json_params": billing_json["params"],
    "stored_csv_lines": len(stored_csv.splitlines()),
    "updated": {"version": updated["version"], "parameters": updated["parameters"], "recipients": updated["recipients"]},
}), flush=True)
