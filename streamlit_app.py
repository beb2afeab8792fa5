"""Streamlit UI: three pages that talk to the API over REST only (API_BASE_URL)."""

import streamlit as st

from app_pages.ui_common import get_api_client, show_connection_status

st.set_page_config(page_title="synthgen", page_icon=":material/dataset:", layout="wide")

pages = [
    st.Page("app_pages/create_dataset.py", title="Create Dataset", icon=":material/add_circle:",
            default=True),
    st.Page("app_pages/monitor_jobs.py", title="Monitor Jobs", icon=":material/monitoring:",
            url_path="monitor"),
    st.Page("app_pages/browse_jobs.py", title="Browse Jobs", icon=":material/list:", url_path="browse"),
]
current_page = st.navigation(pages)

with st.sidebar:
    st.markdown("**synthgen** · synthetic data that obeys every rule")
    show_connection_status(get_api_client())

current_page.run()
