"""x"""
LEGAL = {}
PLANS = {}
